import { useTranslation } from 'react-i18next';
import type { Client } from '../../../../shared/central/records';
import type { ZoneEditorState } from './use-zone-editor';

/** The zone's area: what is drawn, its radius, and the tools to draw it or put it at the home. */
export function ZoneShape({ client, editor }: { client: Client; editor: ZoneEditorState }) {
  const { t } = useTranslation();
  const { update } = editor;
  const geometry = editor.draft.geometry;
  return (
    <fieldset>
      <legend>{t('zones.shape')}</legend>
      <p data-testid="zone-shape">
        {geometry === null
          ? t('zones.noShape')
          : geometry.type === 'Circle'
            ? t('zones.circleAt', {
                radius: geometry.radiusM,
                lat: geometry.center[1].toFixed(5),
                lon: geometry.center[0].toFixed(5),
              })
            : t('zones.polygonOf', { count: geometry.coordinates[0]!.length - 1 })}
      </p>
      {geometry?.type === 'Circle' && (
        <label>
          {t('zones.radius')}{' '}
          <input
            type="number"
            min={0}
            step={10}
            value={geometry.radiusM}
            data-testid="zone-radius"
            onChange={(e) =>
              update({
                geometry: { ...geometry, radiusM: Math.max(0, Number(e.target.value) || 0) },
              })
            }
          />
        </label>
      )}
      <div className="button-row">
        <button
          type="button"
          aria-pressed={editor.drawing === 'circle'}
          onClick={() => editor.draw(editor.drawing === 'circle' ? null : 'circle')}
        >
          {t('zones.drawCircle')}
        </button>
        <button
          type="button"
          aria-pressed={editor.drawing === 'polygon'}
          onClick={() => editor.draw(editor.drawing === 'polygon' ? null : 'polygon')}
        >
          {t('zones.drawPolygon')}
        </button>
        {client.home && (
          <button type="button" onClick={editor.aroundHome}>
            {geometry?.type === 'Circle' ? t('zones.centreOnHome') : t('zones.aroundHome')}
          </button>
        )}
      </div>
      <p className="muted">{t('zones.drawHint')}</p>
    </fieldset>
  );
}
