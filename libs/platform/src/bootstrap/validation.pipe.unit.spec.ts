import { BadRequestException } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { IsNotBlank } from './is-not-blank.decorator';
import { createValidationPipe } from './validation.pipe';

class OrderLine {
  @IsString()
  item!: string;

  @IsInt()
  @Min(1)
  quantity!: number;
}

class PlaceOrder {
  @IsNotBlank()
  @IsString()
  customer!: string;

  @ValidateNested({ each: true })
  @Type(() => OrderLine)
  lines!: OrderLine[];
}

async function rejectionOf(body: unknown): Promise<Record<string, unknown>> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: PlaceOrder });
  } catch (error) {
    if (error instanceof BadRequestException) return error.getResponse() as Record<string, unknown>;
    throw error;
  }
  throw new Error('the body was accepted');
}

describe('the global validation pipe', () => {
  it('answers 400 naming each invalid field, nested ones by path, with the reason', async () => {
    const response = await rejectionOf({ customer: 42, lines: [{ item: 'permit', quantity: 0 }] });

    expect(response).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: ['customer must be a string', 'lines[0].quantity must not be less than 1'],
      violations: [
        { field: 'customer', reasons: ['must be a string'] },
        { field: 'lines[0].quantity', reasons: ['must not be less than 1'] },
      ],
    });
  });

  it.each([[''], ['   '], ['\t\n\u3000']])('refuses a required text that is empty or white space only (%j)', async (customer) => {
    const response = await rejectionOf({ customer, lines: [] });

    expect(response.violations).toEqual([{ field: 'customer', reasons: ['should not be empty or blank'] }]);
  });

  it('refuses fields the command does not declare', async () => {
    const response = await rejectionOf({ customer: 'Li', lines: [], discount: 100 });

    expect(response.violations).toEqual([{ field: 'discount', reasons: ['should not exist'] }]);
  });

  it('hands the handler an instance of the declared class', async () => {
    const order = await createValidationPipe().transform({ customer: 'Li', lines: [{ item: 'permit', quantity: 2 }] }, { type: 'body', metatype: PlaceOrder });

    expect(order).toBeInstanceOf(PlaceOrder);
    expect(order.lines[0]).toBeInstanceOf(OrderLine);
  });

  it('refuses a NUL character in any string of a body, naming the field', async () => {
    const response = await rejectionOf({ customer: 'Li', lines: [{ item: 'per\u0000mit', quantity: 1 }] });

    expect(response.violations).toEqual([{ field: 'lines[0].item', reasons: ['must not contain a NUL character'] }]);
  });

  it('refuses a NUL character in a path or query parameter, which no class describes', async () => {
    const refusal = createValidationPipe().transform('a\u0000b', { type: 'param', data: 'itemId', metatype: String });

    await expect(refusal).rejects.toMatchObject({ response: { violations: [{ field: 'itemId', reasons: ['must not contain a NUL character'] }] } });
  });
});
