// The README demo: guest JavaScript that runs a shell pipeline inside the VM.
// Every process here (node, sh, printf, sort, tr, head, ls, wc) is a kernel process — none is a host process.
import { execSync, execFileSync } from "node:child_process";

const sorted = execSync('printf "banana\\napple\\ncherry\\n" | sort | tr a-z A-Z | head -n 2', { encoding: "utf8" });
console.log("pipeline output:", JSON.stringify(sorted));
console.log("child node version:", execFileSync("node", ["--version"], { encoding: "utf8" }).trim());
console.log("commands in /usr/bin:", execSync("ls /usr/bin | wc -l", { encoding: "utf8" }).trim());
console.log("the read-only host mount /demo holds:", execSync("ls /demo", { encoding: "utf8" }).trim());
