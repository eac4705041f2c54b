import { useEffect, useState } from 'react';
import { useT } from '../../i18n';
import { loadModels, useChatStore } from '../../state/chat-store';
import { useCatalog } from '../../state/catalog-store';

export function ModelPicker() {
  const t = useT();
  const model = useChatStore((s) => s.model);
  const setModel = useChatStore((s) => s.setModel);
  const [models, setModels] = useState<{ id: string; name: string }[]>([]);

  useEffect(() => {
    void loadModels().then((list) => {
      setModels(list);
      useCatalog.getState().setModels(list);
    });
  }, []);

  return (
    <label className="model-picker">
      <span>{t('model.label')}</span>
      <select aria-label={t('model.label')} value={model} onChange={(e) => setModel(e.target.value)}>
        {models.length === 0 && <option value={model}>{model}</option>}
        {models.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
    </label>
  );
}
