import { expect } from 'chai';
import { parseTraceCsv, traceCsv, TraceCsvError } from '../../src/fit/trace-csv.js';

describe('fit/trace-csv: parseTraceCsv and traceCsv', () => {
  it('reads time,value lines with or without a header, CRLF and a BOM, trailing blank lines', () => {
    const t = parseTraceCsv('\uFEFFtime,v\r\n0,-65\r\n0.1,-64.5\r\n2.5e-1,1E2\r\n\r\n\n');
    expect(Array.from(t.time)).to.deep.equal([0, 0.1, 0.25]);
    expect(Array.from(t.value)).to.deep.equal([-65, -64.5, 100]);
    expect(t.columns).to.deep.equal(['time', 'v']);
    expect(parseTraceCsv('0,1\n1,2').columns).to.equal(undefined);
  });

  it('round-trips full precision through traceCsv', () => {
    const time = Float64Array.of(0, 0.1, 0.30000000000000004);
    const value = Float64Array.of(-64.99999999999999, Math.PI, -1e-300);
    const back = parseTraceCsv(traceCsv(time, value, ['time', 'v']));
    expect(back.time).to.deep.equal(time);
    expect(back.value).to.deep.equal(value);
  });

  it('names the file, the line and what was expected for a malformed file', () => {
    const err = (text: string): TraceCsvError => {
      try {
        parseTraceCsv(text, { file: 'cell.csv' });
      } catch (e) {
        expect(e).to.be.instanceOf(TraceCsvError);
        return e as TraceCsvError;
      }
      throw new Error('no error');
    };
    expect(err('time,v\n0,1\n0.1,abc\n').message).to.equal('cell.csv, line 3: expected a value (a finite number) in column 2, found "abc"');
    expect(err('time,v\n0,1\n0.1\n').message).to.equal('cell.csv, line 3: expected 2 columns "time,value", found 1: "0.1"');
    expect(err('0;1\n1;2').message).to.equal('cell.csv, line 1: expected 2 columns "time,value", found 1: "0;1" (columns must be separated by commas)');
    expect(err('0,1,2\n').line).to.equal(1);
    expect(err('0,1\n\n1,2').message).to.equal('cell.csv, line 2: blank line inside the data; expected "time,value"');
    expect(err('0,1\n2,2\n1,3').message).to.equal('cell.csv, line 3: expected a time after 2 ms (times must increase), found 1');
    expect(err('0,1\n0,3').message).to.equal('cell.csv, line 2: expected a time after 0 ms (times must increase), found 0');
    expect(err('time,v\nx,3').message).to.equal('cell.csv, line 2: expected a time in ms (a finite number) in column 1, found "x"');
    expect(err('0,v\n1,3').message).to.equal('cell.csv, line 1: expected a value (a finite number) in column 2, found "v"');
    expect(err('time,v\n0,1\n').message).to.equal('cell.csv, line 2: expected at least 2 samples "time,value", found 1');
    expect(err('0,1e999\n1,2').message).to.equal('cell.csv, line 1: expected finite numbers, found "0,1e999"');
    expect(err('').line).to.equal(1);
  });
});
