import { IsOrganCode, IsText } from '../../http/dto';

export class OrganRefDto {
  @IsOrganCode('Organ code; the organ answers with a token of agency `ORGAN:<code>`.')
  code!: string;

  @IsText('Organ name.', 200, '县自然资源局') name!: string;
}
