// The private logger options: URLs without query values or personal data, redacted error texts, logging off stays off.
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loggableUrl, privateLoggerOptions } from '../../src/privacy/logging.js';

describe('loggableUrl', () => {
  it.each([
    ['/api/search?q=erkenning%20diploma&k=5', '/api/search?q=[weggelaten]&k=[weggelaten]'],
    ['/api/search?q=a=b?c', '/api/search?q=[weggelaten]'],
    ['/api/actions/19', '/api/actions/19'],
    ['/bestaat-niet/jan%40voorbeeld.be', '/bestaat-niet/[e-mail]'],
    ['/x/0470123456', '/x/[telefoonnummer]'],
    ['/%E0%A4%A', '/%E0%A4%A'],
  ])('logs %s as %s', (url, logged) => {
    expect(loggableUrl(url)).toBe(logged);
  });
});

describe('privateLoggerOptions', () => {
  it('keeps logging off when it is off, and adds the serializers to given options', () => {
    expect(privateLoggerOptions(false)).toBe(false);
    const options = privateLoggerOptions({ level: 'warn' });
    expect(options).toMatchObject({ level: 'warn', serializers: { req: expect.any(Function), err: expect.any(Function) } });
  });

  it('redacts error messages and stacks, also of their causes', () => {
    const options = privateLoggerOptions(true);
    const serialize = typeof options === 'object' ? options.serializers?.err : undefined;
    const error = Object.assign(new Error('kapot bij jan@voorbeeld.be', { cause: new Error('IBAN BE68 5390 0754 7034') }), { code: 'E_TEST' });
    const serialized = serialize?.(error as Parameters<NonNullable<typeof serialize>>[0]);
    expect(serialized).toMatchObject({ type: 'Error', message: 'kapot bij [e-mail]', code: 'E_TEST', cause: { message: 'IBAN [IBAN]' } });
    expect(JSON.stringify(serialized)).not.toContain('jan@voorbeeld.be');
    expect(JSON.stringify(serialized)).not.toContain('BE68');
  });

  it('redacts log messages themselves, as Fastify’s logger writes them', async () => {
    const lines: string[] = [];
    const app = Fastify({ logger: privateLoggerOptions({ level: 'info', stream: { write: (line: string) => void lines.push(line) } }) });
    app.log.error({ err: new Error('mislukt voor 85.07.30-033.61') }, 'antwoord mislukt voor jan@voorbeeld.be');
    app.log.warn('bel 0470 12 34 56 terug');
    await app.close();
    const output = lines.join('');
    expect(output).toContain('antwoord mislukt voor [e-mail]');
    expect(output).toContain('bel [telefoonnummer] terug');
    expect(output).toContain('mislukt voor [rijksregisternummer]');
    for (const raw of ['jan@voorbeeld.be', '0470 12 34 56', '85.07.30-033.61']) expect(output).not.toContain(raw);
  });
});
