import { Injectable } from '@nestjs/common';
import { PostgresEventStore, type EventMetadata } from '@sangeyipi/eventstore';
import { EventBackboneService } from '@sangeyipi/messaging';
import { DataSource } from 'typeorm';
import { decodeCatalogEvent, encodeCatalogEvent, type CatalogContextEvent } from './catalog-events.codec';
import { evolveHolidayCalendar, HOLIDAY_CALENDAR_STREAM, initialHolidayCalendarState, type HolidayCalendarEvent, type HolidayCalendarState } from './calendar/holiday-calendar.decider';
import { evolveBatch, initialCatalogState, type CatalogState } from './catalog-item/catalog-batch.decider';
import { evolve, initialState, type CatalogItemState } from './catalog-item/catalog-item.decider';
import type { CatalogEvent, CatalogItemEvent } from './catalog-item/catalog-item.events';
import { evolveServiceUnit, initialServiceUnitState, serviceUnitStreamId, type ServiceUnitRegistered, type ServiceUnitState } from './service-unit/service-unit.decider';

export interface Loaded<S> {
  state: S;
  /** The stream's version, to append with (0 for a new stream). */
  version: number;
}

/** One append of a command's outcome. */
export interface StreamAppend {
  streamId: string;
  expectedVersion: number;
  events: readonly CatalogContextEvent[];
}

export function itemStreamId(itemId: string): string {
  return `catalog-item-${itemId}`;
}

/**
 * Loads the catalog's aggregates from their streams and appends their new events, in the contract
 * form the relay publishes. Streams are short (an item has a handful of events), so no snapshots.
 */
@Injectable()
export class CatalogStreams {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly dataSource: DataSource,
    private readonly backbone: EventBackboneService,
  ) {}

  loadItem(itemId: string): Promise<Loaded<CatalogItemState>> {
    return this.load(itemStreamId(itemId), initialState(), (state, event) => evolve(state, event as CatalogItemEvent));
  }

  loadCatalog(streamId: string): Promise<Loaded<CatalogState>> {
    return this.load(streamId, initialCatalogState(), (state, event) => evolveBatch(state, event as CatalogEvent));
  }

  loadUnit(unitId: string): Promise<Loaded<ServiceUnitState>> {
    return this.load(serviceUnitStreamId(unitId), initialServiceUnitState(), (state, event) => evolveServiceUnit(state, event as ServiceUnitRegistered));
  }

  loadHolidayCalendar(): Promise<Loaded<HolidayCalendarState>> {
    return this.load(HOLIDAY_CALENDAR_STREAM, initialHolidayCalendarState(), (state, event) => evolveHolidayCalendar(state, event as HolidayCalendarEvent));
  }

  /**
   * Appends to every stream in one transaction, each at its expected version: all or nothing, and a
   * lost race on any stream (StreamVersionConflictError, answered 409) leaves them all untouched.
   */
  async append(appends: readonly StreamAppend[], metadata: EventMetadata): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      for (const { streamId, expectedVersion, events } of appends) {
        await this.store.append(streamId, expectedVersion, events.map(encodeCatalogEvent), { metadata, manager });
      }
    });
    this.backbone.notifyAppended();
  }

  private async load<S>(streamId: string, initial: S, fold: (state: S, event: CatalogContextEvent) => S): Promise<Loaded<S>> {
    const stored = await this.store.readStream(streamId);
    const state = stored.map(decodeCatalogEvent).reduce(fold, initial);
    return { state, version: stored.at(-1)?.streamVersion ?? 0 };
  }
}
