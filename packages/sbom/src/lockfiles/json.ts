import { malformed } from '../errors.js';

/** JSON.parse, with a syntax error turned into a typed error naming the file and the line. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const msg = (err as Error).message;
    // V8: "... at position 123 (line 4 column 5)" or "... in JSON at position 123".
    const line = /line (\d+)/.exec(msg)?.[1];
    const pos = /position (\d+)/.exec(msg)?.[1];
    let lineNo = line ? Number(line) : undefined;
    if (lineNo === undefined && pos !== undefined) {
      lineNo = text.slice(0, Number(pos)).split('\n').length;
    }
    throw malformed(
      file,
      `invalid JSON: ${msg.replace(/\s*\(line \d+ column \d+\)/, '')}`,
      lineNo,
      err,
    );
  }
}
