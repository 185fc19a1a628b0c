import type { Slice } from '../slice';
import { CaseVisibility } from './case-visibility';

/** What the case slices share: the Art 17 read gate. */
export const caseShared: Slice = { controllers: [], providers: [CaseVisibility] };
