import type { BoardTemplate } from './types';

export const blank: BoardTemplate = {
  name: 'blank',
  council: '',
  label: 'Blank board',
  description:
    'An empty board with the 7 Corporate Parenting Principles built in: add your own priorities, pledges, actions and measures.',
  strategy: { title: 'Corporate parenting strategy', period: '', summary: '' },
  priorities: [],
  pledges: [],
  plan: [],
  measures: [],
};
