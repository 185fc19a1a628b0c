import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn } from 'class-validator';
import { LITIGATION_RISKS, type LitigationRisk } from '@accord/events';
import { IsLegalDate, IsText } from '../../../http/dto';

export class RecordRiskFindingRequestDto {
  @IsLegalDate('The day the court found the risk; not before the case was accepted.') foundOn!: string;

  @ApiProperty({
    enum: LITIGATION_RISKS,
    isArray: true,
    description: 'What the dispute may lead to (Art 5: 上诉、申诉、信访或影响社会稳定).',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LITIGATION_RISKS.length)
  @IsIn(LITIGATION_RISKS, { each: true })
  risks!: LitigationRisk[];

  @IsText('Why the court thinks so.', 4000) reasons!: string;
}
