import { createRoot } from 'react-dom/client';
import { App } from './app';
import { startTeams } from './teams';

/** Teams first (context, theme, language), then the app; outside Teams a plain message. */
async function boot(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  try {
    const context = await startTeams();
    root.render(<App context={context} />);
  } catch {
    root.render(<p role="alert">Samråd må åpnes i Microsoft Teams. / Open Samråd in Microsoft Teams.</p>);
  }
}

void boot();
