import { expect } from 'chai';
import { mkdtempSync, rmSync, statSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PlotRecordings } from '../../src/plot/plot-recordings.js';
import { htmlDocument } from '../../src/plot/html-document.js';
import { manyTraces } from './many-traces.js';

const specOf = (html: string) => JSON.parse(gunzipSync(Buffer.from(/<script type="application\/gzip\+base64" id="spec">([^<]+)</.exec(html)![1]!, 'base64')).toString('utf8'));

describe('plot/html-document', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'html-doc-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps a 100 x 3000-sample figure (lines and raster) below 2 MB, with every library inside', () => {
    const figname = join(dir, 'many.html');
    new PlotRecordings({ ...manyTraces(), figname });
    expect(statSync(figname).size).to.be.below(2 * 1024 * 1024);
    const html = readFileSync(figname, 'utf8');
    expect(html).to.not.match(/<script[^>]+src=/);
    expect(html.match(/data-lib=/g)).to.have.length(3);
  });

  it('stores row tables by columns, numbers to 6 significant digits, integers exact', () => {
    const spec = { data: { values: [{ t: 0.1, y: -64.83920173625189, n: 3 }, { t: 0.2, y: null, n: 12345678 }] }, mark: 'line' };
    const packed = specOf(htmlDocument(spec, 'x'));
    expect(packed.data.values).to.deep.equal({ __columns__: ['t', 'y', 'n'], columns: [[0.1, 0.2], [-64.8392, null], [3, 12345678]] });
    expect(packed.mark).to.equal('line');
  });

  it('escapes the title', () => {
    expect(htmlDocument({ mark: 'point' }, 'a <b> & c')).to.contain('<title>a &lt;b> &amp; c</title>');
  });
});
