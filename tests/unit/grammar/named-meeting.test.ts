import { describe, expect, it } from 'vitest';
import { splitNamedMeeting } from '../../../src/app/commands/named-meeting';

const titles = ['Styremøte desember', 'Styremøte januar', 'Møte i OSU'];

describe('avlys møte reads a meeting named by title words at the front, the reason after them', () => {
  it('takes the longest run of words that a title holds whole', () => {
    expect(splitNamedMeeting('styremøte januar Ingen saker', titles)).toEqual({
      ref: 'styremøte januar',
      rest: 'Ingen saker',
    });
    expect(splitNamedMeeting('januar', titles)).toEqual({ ref: 'januar', rest: '' });
    // Folded as everywhere: "styremote" finds "Styremøte"; two meetings fit, the command asks which.
    expect(splitNamedMeeting('styremote', titles)).toEqual({ ref: 'styremote', rest: '' });
  });

  it('never a part of a word, nor a short word alone: a reason stays a reason', () => {
    expect(splitNamedMeeting('Sykehuset har ikke saker', titles)).toBeUndefined();
    expect(splitNamedMeeting('jan Ingen saker', titles)).toBeUndefined();
    expect(splitNamedMeeting('i dag er det ingen saker', titles)).toBeUndefined();
    expect(splitNamedMeeting('møte i OSU utgår', titles)).toEqual({ ref: 'møte i OSU', rest: 'utgår' });
  });
});
