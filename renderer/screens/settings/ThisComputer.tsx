// Settings › This computer: the user's own settings, not the board's. Theme and text size
// everywhere; in the desktop app also where automatic backups go and which file servers agenda
// papers may be opened from (main checks them: electron/main/papers.ts).
import { useEffect, useState } from 'react';
import {
  TEXT_SIZES,
  THEMES,
  textSizeLabel,
  themeLabel,
  type DesktopSettings,
  type TextSize,
} from '../../../shared/domain/desktop-settings';
import { Button, SelectInput, TextInput } from '../../components/forms';
import { isDesktop, loadDesktopSettings, saveDesktopSettings } from '../../settings/desktop';

export function ThisComputer() {
  const [settings, setSettings] = useState<DesktopSettings | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    void loadDesktopSettings().then(setSettings);
  }, []);
  if (!settings) return null;

  const save = async (next: DesktopSettings, what: string) => {
    setSaved(null);
    const r = await saveDesktopSettings(next);
    if (r.ok) {
      setSettings(r.value);
      setProblem(null);
      setSaved(`${what} saved.`);
    } else setProblem(r.error.message);
  };

  return (
    <section aria-labelledby="computer-h" className="card">
      <h2 id="computer-h">This computer</h2>
      <p className="hint">
        {isDesktop()
          ? 'These settings are yours on this computer; they do not change the board file.'
          : 'These settings are kept in this browser; they do not change the board file.'}
      </p>
      <SelectInput
        label="Theme"
        value={settings.theme}
        options={THEMES.map((t) => ({ id: t, label: themeLabel[t] }))}
        onChange={(theme) => void save({ ...settings, theme }, 'Theme')}
      />
      <SelectInput
        label="Text size"
        value={String(settings.textSize)}
        options={TEXT_SIZES.map((n) => ({ id: String(n), label: `${textSizeLabel[n]} (${n}%)` }))}
        onChange={(v) => void save({ ...settings, textSize: Number(v) as TextSize }, 'Text size')}
      />
      {isDesktop() ? (
        <>
          <BackupFolder settings={settings} onSave={save} />
          <PaperServers settings={settings} onSave={save} />
        </>
      ) : null}
      {problem ? (
        <p role="alert" className="field-error">
          {problem}
        </p>
      ) : null}
      {saved ? (
        <p role="status" className="ok-note">
          {saved}
        </p>
      ) : null}
    </section>
  );
}

type SaveFn = (next: DesktopSettings, what: string) => Promise<void>;

function BackupFolder({ settings, onSave }: { settings: DesktopSettings; onSave: SaveFn }) {
  return (
    <div className="field">
      <h3>Automatic backups</h3>
      <p data-testid="backup-folder">
        {settings.backupFolder
          ? `Kept in ${settings.backupFolder}`
          : 'Kept in the “backups” folder beside the board file (the newest ten).'}
      </p>
      <div className="form-row">
        <Button
          variant="secondary"
          onPress={() =>
            void window.cpb!.chooseFolder('Choose the folder for automatic backups').then((r) => {
              if (r.ok && r.value.folder)
                void onSave({ ...settings, backupFolder: r.value.folder }, 'Backup folder');
            })
          }
        >
          Choose a folder…
        </Button>
        {settings.backupFolder ? (
          <Button
            variant="secondary"
            onPress={() => void onSave({ ...settings, backupFolder: null }, 'Backup folder')}
          >
            Keep them beside the board
          </Button>
        ) : null}
      </div>
    </div>
  );
}

function PaperServers({ settings, onSave }: { settings: DesktopSettings; onSave: SaveFn }) {
  const [host, setHost] = useState('');
  const hosts = settings.approvedPaperHosts;
  return (
    <div className="field">
      <h3>Approved paper servers</h3>
      <p className="hint">
        Agenda papers on a network share (\\server\share\…) open only from servers listed here. Add your
        council’s file servers; CPB will not contact any other.
      </p>
      {hosts.length ? (
        <ul aria-label="Approved paper servers">
          {hosts.map((h) => (
            <li key={h}>
              {h}{' '}
              <Button
                variant="secondary"
                size="small"
                aria-label={`Remove ${h}`}
                onPress={() =>
                  void onSave(
                    { ...settings, approvedPaperHosts: hosts.filter((x) => x !== h) },
                    'Paper servers',
                  )
                }
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p>No servers approved yet.</p>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const h = host
            .trim()
            .replace(/^\\\\|^\/\//, '')
            .replace(/[\\/].*$/, '');
          if (h === '') return;
          void onSave(
            { ...settings, approvedPaperHosts: [...hosts.filter((x) => x !== h.toLowerCase()), h] },
            'Paper servers',
          ).then(() => setHost(''));
        }}
      >
        <TextInput
          label="Server name"
          description="For example fileserver or files.council.gov.uk"
          value={host}
          onChange={setHost}
        />
        <Button type="submit">Approve server</Button>
      </form>
    </div>
  );
}
