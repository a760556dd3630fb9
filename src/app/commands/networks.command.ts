import { z } from 'zod';
import { osloDate } from '../../domain/oslo-time';
import { refusalText } from '../error-text';
import { inquiriesOf, meetingsOf, networksOf } from '../networks/network-records';
import { findNetwork } from '../../domain/network';
import { networkOverview } from '../networks/network-view';
import { text } from '../reply';
import { arg } from './grammar/args';
import { declareCommand } from './grammar/declare-command';

/** `nettverk [navn]`: the network's members and suppliers, the inquiries waiting for an answer, and the log. */
export const networksCommand = declareCommand({
  id: 'networks',
  audience: ['anyone-registered'],
  inMenu: false,
  args: z.object({ network: arg.text() }),
  async run({ org, t, input }, { store, clock }) {
    const today = osloDate(clock.now());
    const networks = networksOf(org);
    if (networks.length === 0) return [text(refusalText(t, 'NETWORK.NONE'))];
    const typed = (input.network ?? '').trim();
    const named = typed === '' ? undefined : findNetwork(networks, typed);
    if (typed !== '' && !named)
      return [text(refusalText(t, 'NETWORK.UNKNOWN', { value: typed, names: networks.map((n) => n.name).join(', ') }))];
    const picked = named ? [named] : networks;
    const shown = [];
    for (const network of picked) {
      const [meetings, inquiries] = [await meetingsOf(store, network.id), await inquiriesOf(store, network.id)];
      shown.push(networkOverview(org, t, network, meetings, inquiries, today));
    }
    return [text(shown.join('\n\n'))];
  },
});
