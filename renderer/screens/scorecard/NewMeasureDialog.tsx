import { useNavigate } from 'react-router';
import { useApi, useApiMutation } from '../../api/hooks';
import { DialogBox } from '../../components/forms';
import { blankMeasureForm, MeasureForm } from './MeasureForm';

export function NewMeasureDialog({ onClose }: { onClose: () => void }) {
  const card = useApi('scorecard.get', {});
  const create = useApiMutation('measure.create');
  const navigate = useNavigate();
  return (
    <DialogBox title="New measure" isOpen onClose={onClose}>
      <MeasureForm
        initial={blankMeasureForm}
        priorities={card.data?.priorities ?? []}
        submitLabel="Add measure"
        pending={create.isPending}
        error={create.error}
        onCancel={onClose}
        onSubmit={(v) => create.mutate(v, { onSuccess: (r) => navigate(`/scorecard/measure/${r.id}`) })}
      />
    </DialogBox>
  );
}
