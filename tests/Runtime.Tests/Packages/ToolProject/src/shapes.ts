export interface Shape {
  kind: "circle" | "square";
  size: number;
}

export function area(shape: Shape): number {
  return shape.kind === "circle" ? Math.PI * shape.size ** 2 : shape.size * shape.size;
}
