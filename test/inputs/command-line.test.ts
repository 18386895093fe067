import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseNamedCommand, splitCommandLine } from '../../src/inputs/command-line.js';

describe('splitCommandLine', () => {
  it('splits on whitespace and honours simple quoting as a shell does', () => {
    expect(splitCommandLine('report  --lines\t2000')).toEqual(['report', '--lines', '2000']);
    expect(splitCommandLine(`tool 'a b' "c \\"d\\" \\\\ e" f\\ g "" x'y'"z"`)).toEqual([
      'tool',
      'a b',
      'c "d" \\ e',
      'f g',
      '',
      'xyz',
    ]);
    expect(splitCommandLine(`tool '$HOME|x' "a;b"`)).toEqual(['tool', '$HOME|x', 'a;b']);
  });

  it('refuses shell syntax, since the command runs without a shell', () => {
    for (const line of ['a | b', 'a > out', 'a; b', 'a && b', 'a $HOME', 'a `b`', 'a < in']) {
      expect(() => splitCommandLine(line), line).toThrow(InputError);
      expect(() => splitCommandLine(line), line).toThrow('is shell syntax');
    }
  });

  it('refuses unclosed quotes, a trailing backslash and an empty line', () => {
    expect(() => splitCommandLine("a 'b")).toThrow(
      "cannot run the command `a 'b`: a single quote is not closed",
    );
    expect(() => splitCommandLine('a "b')).toThrow('a double quote is not closed');
    expect(() => splitCommandLine('a \\')).toThrow('it ends with a backslash');
    expect(() => splitCommandLine('  ')).toThrow('it is empty');
  });
});

describe('parseNamedCommand', () => {
  it('splits NAME=COMMAND at the first equals sign and trims both', () => {
    expect(parseNamedCommand(' report = report --filter=a=b ')).toEqual({
      name: 'report',
      command: 'report --filter=a=b',
    });
  });

  it('refuses a missing name, a name that is no plain file name, or an empty command', () => {
    for (const spec of ['report', '=report', '../x=report', 'a b=report', 'report=', 'report=  ']) {
      expect(() => parseNamedCommand(spec), spec).toThrow(InputError);
      expect(() => parseNamedCommand(spec), spec).toThrow(`'${spec}' is not a command to measure`);
    }
  });

  it('refuses a command that cannot be split', () => {
    expect(() => parseNamedCommand('report=report > out')).toThrow('is shell syntax');
  });
});
