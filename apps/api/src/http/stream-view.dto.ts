import { ApiProperty } from '@nestjs/swagger';
import type { LoadedStream } from '../pipeline/stream-reader';

/** What every read of one stream answers besides the folded state: which stream, and as of when. */
export class StreamViewDto {
  @ApiProperty() id!: string;
  @ApiProperty() streamId!: string;
  @ApiProperty({ description: 'Stream revision shown; also the ETag.' }) revision!: number;
  @ApiProperty({ description: 'Global position of the last event shown.' }) position!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The instant asked for, as sent, or null for the current state.',
  })
  asOf!: string | null;
}

export function streamView(
  id: string,
  streamId: string,
  loaded: LoadedStream<unknown>,
  asOf: string | undefined,
): StreamViewDto {
  return { id, streamId, revision: loaded.revision, position: loaded.position, asOf: asOf ?? null };
}
