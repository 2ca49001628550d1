import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function PageFailed({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="error" data-testid="page-failed">
      <p>{t('app.pageFailed', { message: error.message })}</p>
      <button type="button" onClick={onRetry}>
        {t('app.pageRetry')}
      </button>
    </div>
  );
}

/**
 * A page that throws while drawing takes only itself down: without this, React unmounts the whole
 * window, header and alert banners with it, and the referent is left with a blank screen. Keyed by
 * the route in the shell, so another section starts afresh.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown): void {
    console.error('A page failed', error);
  }

  override render(): ReactNode {
    if (this.state.error)
      return <PageFailed error={this.state.error} onRetry={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}
