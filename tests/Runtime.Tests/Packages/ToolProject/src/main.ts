import { area, Shape } from "./shapes";

const shapes: Shape[] = [
  { kind: "circle", size: 1 },
  { kind: "square", size: 2 },
];

export const total = shapes.map(area).reduce((a, b) => a + b, 0);
console.log(total.toFixed(3));
