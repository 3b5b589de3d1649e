/** The app: providers, then the shell (top bar, navigation, the current section). */
import { AskProvider } from '../ui/Confirm';
import { BackupsProvider } from './backups/BackupsProvider';
import { NoticeProvider } from '../ui/Notice';
import { UnsavedProvider } from '../ui/UnsavedProvider';
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
            <BackupsProvider>
              <UnsavedProvider>
                <NavigationProvider initial="bloc">
                  <Shell />
                </NavigationProvider>
              </UnsavedProvider>
            </BackupsProvider>
          </AskProvider>
        </NoticeProvider>
      </SessionProvider>
    </SettingsProvider>
  );
}
