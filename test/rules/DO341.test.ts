import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3062: pin versions in go install.
describe('DO341 unpinned-go-package', () => {
  ruleCases('DO341', [
    { name: 'hadolint example', text: 'FROM golang:1.23\nRUN go install github.com/example/tool\n', findings: [[2, 16]], noFix: true },
    { name: 'hadolint example, correct', text: 'FROM golang:1.23\nRUN go install github.com/example/tool@v1.2.3\n', findings: [] },
    { name: '@latest is not a version', text: 'FROM golang:1.23\nRUN go install -v github.com/example/tool@latest\n', findings: [[2, 19]] },
    { name: 'local packages', text: 'FROM golang:1.23\nRUN go install ./cmd/... && go get -d -v ./... && go run main.go --flag x\n', findings: [] },
    { name: 'arguments of go run are not packages', text: 'FROM golang:1.23\nRUN go run github.com/a/gen@v0.1.0 generate github.com/a/b\n', findings: [] },
    { name: 'go build is not covered', text: 'FROM golang:1.23\nRUN go build -o /app .\n', findings: [] },
    { name: 'GOPATH and standard-library packages have no domain', text: 'FROM golang:1.10\nRUN go install app/server && go install cmd/vet\n', findings: [] },
    { name: 'ldflags value', text: 'FROM golang:1.23\nRUN go install -ldflags "-s -w" github.com/a/b@v1.0.0\n', findings: [] },
  ]);
});
