import { Component, type ErrorInfo, type ReactNode } from 'react'
import { Translation } from 'react-i18next'

interface State {
  error: Error | null
}

/** Catches a render error so one broken screen never blanks the window; drafts live in main, so none is lost. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Render error', error, info.componentStack)
  }

  override render(): ReactNode {
    const { error } = this.state
    if (!error) return this.props.children
    return (
      <Translation>
        {(t) => (
          <div className="state state--error boundary" role="alert">
            <p className="state__title">{t('errors.boundaryTitle')}</p>
            <p className="state__text">{t('errors.boundaryText')}</p>
            <pre className="boundary__detail">{error.message}</pre>
            <div className="row">
              <button
                type="button"
                className="btn btn--secondary btn--md"
                onClick={() => this.setState({ error: null })}
              >
                <span className="btn__label">{t('errors.boundaryRetry')}</span>
              </button>
              <button
                type="button"
                className="btn btn--primary btn--md"
                onClick={() => window.location.reload()}
              >
                <span className="btn__label">{t('errors.boundaryReload')}</span>
              </button>
            </div>
          </div>
        )}
      </Translation>
    )
  }
}
