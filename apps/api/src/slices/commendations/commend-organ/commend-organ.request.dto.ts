import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsObject, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { IsLegalDate, IsText } from '../../../http/dto';
import { OrganRefDto } from '../../letters/organ-ref.dto';

export class CommendOrganRequestDto {
  @ApiProperty({ type: OrganRefDto, description: 'The administrative organ commended (通报表扬, Art 12).' })
  @IsObject()
  @ValidateNested()
  @Type(() => OrganRefDto)
  organ!: OrganRefDto;

  @IsText('What the organ is commended for.', 4000) reason!: string;

  @ApiProperty({ type: [String], required: false, description: 'Cases the commendation refers to.' })
  @IsOptional()
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  @ArrayMaxSize(100)
  caseRefs?: string[];

  @IsLegalDate('The day of the commendation.') commendedOn!: string;
}
