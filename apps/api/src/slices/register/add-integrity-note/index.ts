import type { Slice } from '../../slice';
import { AddIntegrityNoteController } from './add-integrity-note.controller';
import { AddIntegrityNoteHandler } from './add-integrity-note.handler';

export const addIntegrityNote: Slice = {
  controllers: [AddIntegrityNoteController],
  providers: [AddIntegrityNoteHandler],
};
