import { applyDecorators } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiResponse,
  ApiServiceUnavailableResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ProblemDto } from './problem.dto';

const correlation = ApiHeader({
  name: 'X-Correlation-Id',
  required: false,
  description: 'Traces the request into logs and event metadata; generated when absent, always echoed.',
});
const language = ApiHeader({
  name: 'Accept-Language',
  required: false,
  description: '`zh` for Chinese problem messages; English otherwise.',
});

/** The headers and refusals every write documents. */
export const WriteEndpoint = () =>
  applyDecorators(
    correlation,
    language,
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Makes a retry safe: the first answer (status and body) is returned again and nothing new is written. Scoped to your agency and staff id; reusing a key with a different body is 422 IDEMPOTENCY_KEY_REUSED.',
    }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'The stream revision (ETag) you acted on; a stale one is 412 REVISION_STALE.',
    }),
    ApiResponse({ status: 412, description: 'If-Match names a stale revision.', type: ProblemDto }),
    ApiConflictResponse({
      description: 'Conflicts with the current state, or kept changing concurrently.',
      type: ProblemDto,
    }),
    ApiUnprocessableEntityResponse({
      description: 'Refused by a rule of the Measures (see `code`, `article`).',
      type: ProblemDto,
    }),
    ApiNotFoundResponse({ description: 'No such case visible to your agency (Art 17).', type: ProblemDto }),
  );

/** The headers and refusals every confidential read documents. */
export const ReadEndpoint = () =>
  applyDecorators(
    correlation,
    language,
    ApiNotFoundResponse({
      description: 'Unknown, or not visible to your agency (Art 17): the same answer either way.',
      type: ProblemDto,
    }),
  );

/** A read answered from a read model: `?minPosition=` it did not reach in time is 503 READ_MODEL_BEHIND. */
export const ReadModelBehind = () =>
  ApiServiceUnavailableResponse({
    description:
      'The read model did not reach minPosition in time (READ_MODEL_BEHIND), or a store cannot serve now (READ_STORE_UNAVAILABLE, STORE_UNAVAILABLE); retry shortly.',
    type: ProblemDto,
  });
