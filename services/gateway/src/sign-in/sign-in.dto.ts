import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '@sangeyipi/platform';

export class SignInDto {
  @ApiProperty({ example: 'clerk' })
  @IsString()
  @IsNotBlank()
  @MaxLength(100)
  username!: string;

  @ApiProperty({ example: 'sgyp-demo-2025' })
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  password!: string;
}
