import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertQueueItem } from '../../../../../shared/domain/alerts';
import { isSupervisor, type AttentionState } from '../../../../../shared/domain/attention';
import { api } from '../../../api';
import { useConsole } from '../../../app/console-context';
import { useQueue } from '../queue-provider';
import { CRITICAL_REPEAT_MS, unclaimedCritical } from './cues';
import type { Flood } from './flood';
import { notifyDesktop } from './notify';
import { playSound } from './sounds';
import { isMuted, useMute } from './use-mute';
import { ArrivalWatcher } from './watcher';

interface Attention {
  flood: Flood;
  mute: AttentionState;
}

const noFlood: Flood = { flooding: false, count: 0, byType: [] };
const AttentionContext = createContext<Attention>({
  flood: noFlood,
  mute: { mutedUntil: null, mutedBy: null },
});
export const useAttention = (): Attention => useContext(AttentionContext);

/**
 * Watches the queue (from the queue's provider) for the whole signed-in shell, on every page: a new alert sounds (the most
 * severe of those arriving together), an unclaimed critical one sounds again every 15 s until
 * claimed, a missed target sounds and reaches supervisors as an escalation, and a flood sounds once
 * and turns on a summary banner. A desktop notification goes with each while the window is not in
 * front. All of it is silent while muted; nothing is ever hidden by it.
 */
export function AttentionProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { session } = useConsole();
  const mute = useMute();
  const [flood, setFlood] = useState<Flood>(noFlood);
  const [watcher] = useState(() => new ArrivalWatcher());
  // What the callbacks below read: the latest queue, mute and role, without re-subscribing.
  const latest = useRef({ queue: [] as AlertQueueItem[], mute, supervisor: false, t });
  const supervisor = isSupervisor(session.operator);
  useEffect(() => {
    latest.current = { ...latest.current, mute, supervisor, t };
  }, [mute, supervisor, t]);

  const [onLoad] = useState(() => (items: AlertQueueItem[]) => {
    latest.current.queue = items;
    const arrived = watcher.update(items, Date.now());
    setFlood(arrived.flood);
    const { mute: state, t: tr } = latest.current;
    if (isMuted(state, Date.now())) return;
    if (arrived.sound) playSound(arrived.sound);
    if (arrived.floodBegan)
      void notifyDesktop(
        tr('attention.floodTitle'),
        tr('attention.floodBody', { count: arrived.flood.count }),
        'flood',
      );
    else if (!arrived.flood.flooding)
      for (const { alert, clientName } of arrived.fresh.filter((item) => !item.suppression))
        void notifyDesktop(
          `${tr(`alerts.severity.${alert.severity}`)}: ${tr(`alertType.${alert.type}`)}`,
          clientName ?? alert.clientId,
          alert.id,
        );
  });
  const { onLoad: subscribe } = useQueue();
  useEffect(() => subscribe(onLoad), [subscribe, onLoad]);

  useEffect(() => {
    const repeat = setInterval(() => {
      const { queue: items, mute: state } = latest.current;
      if (!isMuted(state, Date.now()) && unclaimedCritical(items)) playSound('critical');
    }, CRITICAL_REPEAT_MS);
    // A flood ends when the last minute is calm again.
    const decay = setInterval(() => {
      const next = watcher.flood(Date.now());
      setFlood((shown) =>
        shown.count === next.count && shown.flooding === next.flooding ? shown : next,
      );
    }, 1000);
    const off = api.on('alerts.breached', ({ breaches }) => {
      const { mute: state, supervisor: isSupervisor, t: tr } = latest.current;
      if (isMuted(state, Date.now())) return;
      playSound('breach');
      if (!isSupervisor) return;
      for (const breach of breaches)
        void notifyDesktop(
          tr('attention.escalationTitle'),
          tr(`attention.missed.${breach.due}`, {
            type: tr(`alertType.${breach.type}`),
            client: breach.clientName ?? breach.alertId,
          }),
          `breach-${breach.alertId}`,
        );
    });
    return () => {
      clearInterval(repeat);
      clearInterval(decay);
      off();
    };
  }, [watcher]);

  return <AttentionContext value={{ flood, mute }}>{children}</AttentionContext>;
}
