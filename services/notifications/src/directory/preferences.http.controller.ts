import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { CLOCK, CurrentUser, type AuthenticatedUser, type Clock } from '@sangeyipi/platform';
import { ArrayUnique, IsEmail, IsIn, IsOptional, Matches } from 'class-validator';
import { LANGUAGES, PERSON_CHANNELS, type Language, type PersonChannel, type PersonContacts } from '../notification/notification.types';
import { DirectoryRepository } from './directory.repository';

class PreferencesBody {
  @IsOptional()
  @IsEmail()
  email?: string;

  /** A mainland mobile number, optionally with +86. */
  @IsOptional()
  @Matches(/^(\+86)?1\d{10}$/, { message: 'phone must be a mainland mobile number' })
  phone?: string;

  @IsIn(LANGUAGES)
  language!: Language;

  @ArrayUnique()
  @IsIn(PERSON_CHANNELS, { each: true })
  channels!: PersonChannel[];
}

/** The signed-in person's contact points and preferences (channels, language). */
@Controller('preferences')
export class PreferencesHttpController {
  constructor(
    private readonly directory: DirectoryRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  async get(@CurrentUser() user: AuthenticatedUser): Promise<PersonContacts> {
    return (await this.directory.person(user.userId)) ?? { personId: user.userId, language: 'zh-CN', channels: ['inbox'] };
  }

  @Put()
  async put(@CurrentUser() user: AuthenticatedUser, @Body() body: PreferencesBody): Promise<PersonContacts> {
    const contacts: PersonContacts = { personId: user.userId, email: body.email, phone: body.phone, language: body.language, channels: body.channels };
    await this.directory.savePerson(contacts, this.clock.now());
    return contacts;
  }
}
