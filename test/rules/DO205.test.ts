import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

describe('DO205 relative-workdir', () => {
  ruleCases('DO205', [
    { name: 'a relative path', text: 'FROM alpine:3.20\nWORKDIR app\n', findings: [[2, 9]], message: /WORKDIR "app" is relative/, noFix: true },
    { name: 'a ./ path', text: 'FROM alpine:3.20\nWORKDIR ./app\n', findings: [[2, 9]] },
    { name: 'a quoted relative path', text: 'FROM alpine:3.20\nWORKDIR "app"\n', findings: [[2, 9]], message: /WORKDIR "app" is relative/ },
    { name: 'a variable that holds a relative path, written after text', text: 'FROM alpine:3.20\nWORKDIR app/$SUB\n', findings: [[2, 9]] },
    { name: 'lower case', text: 'FROM alpine:3.20\nworkdir src\n', findings: [[2, 9]] },

    { name: 'an absolute path', text: 'FROM alpine:3.20\nWORKDIR /app\n', findings: [] },
    { name: 'a quoted absolute path', text: 'FROM alpine:3.20\nWORKDIR "/app"\nWORKDIR \'/srv\'\n', findings: [] },
    { name: 'a quoted Windows path', text: 'FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8\nWORKDIR  "c:\\inetpub\\wwwroot"\n', findings: [] },
    { name: 'a variable', text: 'FROM alpine:3.20\nWORKDIR $HOME\nWORKDIR ${APP_DIR}/src\n', findings: [] },
    { name: 'a variable with an absolute value', text: 'FROM alpine:3.20\nENV APP=/srv/app\nWORKDIR $APP\n', findings: [] },
    { name: 'a Windows path', text: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\\\app\nWORKDIR c:/tools\n', findings: [] },
    { name: 'no argument (DO000 reports it)', text: 'FROM alpine:3.20\nWORKDIR\n', findings: [] },
  ]);
});
