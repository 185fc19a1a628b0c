import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { IsLegalDate, IsText } from '../../../http/dto';
import { PartyIdentityDto } from '../party-identity.dto';

export class ProposeFlagRequestDto {
  @ApiPropertyOptional({
    type: PartyIdentityDto,
    description: "Required on the party's first entry (Art 11).",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PartyIdentityDto)
  party?: PartyIdentityDto;

  @IsText('Why the party is thought to abuse the right to sue (滥用诉权).', 4000) grounds!: string;

  @ApiProperty({ type: [String], description: 'Art 11: the cases the proposal rests on; at least one.' })
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  evidence!: string[];

  @IsLegalDate('The day of the proposal.') proposedOn!: string;
}
