import type { Slice } from '../../slice';
import { IssueLetterController } from './issue-letter.controller';
import { IssueLetterHandler } from './issue-letter.handler';

export const issueLetter: Slice = { controllers: [IssueLetterController], providers: [IssueLetterHandler] };
