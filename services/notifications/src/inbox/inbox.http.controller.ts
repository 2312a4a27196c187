import { Controller, Get, HttpCode, Inject, NotFoundException, Param, ParseUUIDPipe, Post, Query, Sse, type MessageEvent } from '@nestjs/common';
import { CLOCK, CurrentUser, type AuthenticatedUser, type Clock } from '@sangeyipi/platform';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { map, type Observable } from 'rxjs';
import { InboxLiveStream } from './inbox-live.stream';
import type { InboxMessage } from './inbox-message';
import { InboxRepository } from './inbox.repository';

class InboxQuery {
  @IsOptional()
  @IsBoolean()
  @Transform(({ value }) => value === 'true' || value === true)
  unread?: boolean;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  @Transform(({ value }) => Number(value))
  limit?: number;
}

/** The signed-in person's in-app inbox (站内消息): list, mark read, and a live stream of new messages. */
@Controller('inbox')
export class InboxHttpController {
  constructor(
    private readonly inbox: InboxRepository,
    private readonly live: InboxLiveStream,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  async list(@CurrentUser() user: AuthenticatedUser, @Query() query: InboxQuery): Promise<{ messages: InboxMessage[] }> {
    return { messages: await this.inbox.list(user.userId, { unreadOnly: query.unread ?? false, limit: query.limit ?? 50 }) };
  }

  /** Server-sent events: one `message` event per new inbox message, as it is delivered. */
  @Sse('stream')
  stream(@CurrentUser() user: AuthenticatedUser): Observable<MessageEvent> {
    return this.live.of(user.userId).pipe(map((message) => ({ id: message.id, type: 'message', data: message })));
  }

  @Post(':id/read')
  @HttpCode(204)
  async markRead(@CurrentUser() user: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    if (!(await this.inbox.markRead(user.userId, id, this.clock.now()))) throw new NotFoundException(`no message ${id} in your inbox`);
  }
}
