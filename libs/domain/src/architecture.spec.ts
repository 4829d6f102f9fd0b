import { describe, expect, it } from '@jest/globals';
import { ESLint } from 'eslint';

/**
 * The domain stays pure: the lint rule that guards it must fire. These checks lint a would-be
 * domain file in memory with the project's real configuration.
 */
describe('architecture rule: the domain is pure TypeScript', () => {
  const eslint = new ESLint();
  const lintDomain = async (code: string) => {
    const [result] = await eslint.lintText(code, { filePath: 'libs/domain/src/person/would-be.ts' });
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  };

  it.each([
    ["import { Injectable } from '@nestjs/common';", /Nest/],
    ["import { SqliteEventStore } from '@parcours/event-store';", /store adapter/],
    ["import Database from 'better-sqlite3';", /store adapter/],
    ["import { readFileSync } from 'node:fs';", /I\/O/],
    ["import { request } from 'http';", /I\/O/],
  ])('refuses %s', async (code, message) => {
    const messages = await lintDomain(`${code}\nexport const x = 1;\n`);
    expect(messages).toEqual([expect.stringMatching(message)]);
  });

  it('allows plain libraries such as zod', async () => {
    expect(await lintDomain("import { z } from 'zod';\nexport const s = z.string();\n")).toEqual([]);
  });
});
