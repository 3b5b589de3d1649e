/** The app: providers, then the shell (top bar, navigation, the current section). */
import { AskProvider } from '../ui/Confirm';
import { NoticeProvider } from '../ui/Notice';
import { NavigationProvider } from './navigation';
import { SessionProvider } from './session';
import { SettingsProvider } from './settings';
import { Shell } from './Shell';

export function App() {
  return (
    <SettingsProvider>
      <SessionProvider>
        <NoticeProvider>
          <AskProvider>
            <NavigationProvider initial="bloc">
              <Shell />
            </NavigationProvider>
          </AskProvider>
        </NoticeProvider>
      </SessionProvider>
    </SettingsProvider>
  );
}
