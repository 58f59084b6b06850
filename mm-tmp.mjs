import { parseBuffer } from "music-metadata";
import { fileTypeFromBuffer } from "file-type";
import { readFileSync } from "node:fs";
const b = readFileSync(process.argv[2]);
console.log(await fileTypeFromBuffer(b));
const m = await parseBuffer(b, undefined, { duration: true });
console.log(m.format);
