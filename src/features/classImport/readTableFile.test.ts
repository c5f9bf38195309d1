import writeExcelFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, readTableFile } from './readTableFile';

const fileOf = (parts: BlobPart[], name: string, type = '') => new File(parts, name, { type });

describe('reading a class list file', () => {
  it('reads a UTF-8 CSV with a byte order mark, quotes, semicolons and a blank line', async () => {
    const csv = '\uFEFFUzvārds;Vārds;Klase\r\nBērziņa;"Anna Marija";7.b\r\n\r\nOzols;Jānis;"7.b"\r\n';
    expect(await readTableFile(fileOf([csv], 'saraksts.csv'))).toEqual({
      ok: true,
      table: [
        ['Uzvārds', 'Vārds', 'Klase'],
        ['Bērziņa', 'Anna Marija', '7.b'],
        // Kept, so the rows after it keep the numbers Excel shows.
        [''],
        ['Ozols', 'Jānis', '7.b'],
      ],
    });
  });

  it('reads a comma-separated CSV as well', async () => {
    const result = await readTableFile(fileOf(['Surname,Name\nBerzina,Anna\n'], 'list.csv'));
    expect(result).toEqual({
      ok: true,
      table: [
        ['Surname', 'Name'],
        ['Berzina', 'Anna'],
      ],
    });
  });

  it('reads a CSV saved by Latvian Excel in Windows-1257', async () => {
    // "Uzvārds;Vārds\nBērziņa;Anna" in Windows-1257: ā = 0xE2, ē = 0xE7, ņ = 0xF2.
    const bytes = new Uint8Array([
      0x55, 0x7a, 0x76, 0xe2, 0x72, 0x64, 0x73, 0x3b, 0x56, 0xe2, 0x72, 0x64, 0x73, 0x0a, 0x42, 0xe7, 0x72, 0x7a, 0x69,
      0xf2, 0x61, 0x3b, 0x41, 0x6e, 0x6e, 0x61,
    ]);
    expect(await readTableFile(fileOf([bytes], 'saraksts.csv'))).toEqual({
      ok: true,
      table: [
        ['Uzvārds', 'Vārds'],
        ['Bērziņa', 'Anna'],
      ],
    });
  });

  it('reads the first sheet of an .xlsx, dates as dates', async () => {
    const buffer = await writeExcelFile([
      ['Uzvārds', 'Vārds', 'Dzimšanas datums'],
      ['Bērziņa', 'Anna', { value: new Date(Date.UTC(2013, 8, 1)), format: 'dd.mm.yyyy' }],
    ]).toBuffer();
    const result = await readTableFile(fileOf([new Uint8Array(buffer)], 'klase.xlsx'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.table[1]?.slice(0, 2)).toEqual(['Bērziņa', 'Anna']);
    expect(result.table[1]?.[2]).toBeInstanceOf(Date);
    expect((result.table[1]?.[2] as Date).toISOString().slice(0, 10)).toBe('2013-09-01');
  });

  it.each([
    ['an old .xls', fileOf(['x'], 'klase.xls'), 'oldExcel'],
    ['a picture', fileOf(['x'], 'foto.jpg', 'image/jpeg'), 'unknownType'],
    ['a damaged .xlsx', fileOf(['not a zip'], 'klase.xlsx'), 'unreadable'],
    ['a file over 5 MB', fileOf([new Uint8Array(MAX_IMPORT_BYTES + 1)], 'liels.csv'), 'tooLarge'],
  ])('refuses %s with a reason', async (_case, file, problem) => {
    expect(await readTableFile(file)).toEqual({ ok: false, problem });
  });
});
