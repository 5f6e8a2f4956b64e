import { z } from 'zod';
const User = z.object({ name: z.string().min(2), age: z.number().int().positive(), tags: z.array(z.string()).default([]) });
console.log(JSON.stringify(User.parse({ name: 'vm', age: 3 })));
const bad = User.safeParse({ name: 'x', age: -1.5 });
console.log(bad.success, JSON.stringify(bad.error.issues.map((i) => [i.path.join('.'), i.code, i.message])));
