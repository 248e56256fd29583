/** Positioning presets: the reference scenarios shipped in scenarios/. */
import knowledgeSharing from '../../scenarios/knowledge-sharing.json';
import resourceMatching from '../../scenarios/resource-matching.json';
import customerService from '../../scenarios/customer-service.json';
import noOperations from '../../scenarios/no-operations.json';
import overMarketing from '../../scenarios/over-marketing.json';

export const PRESETS = {
  'knowledge-sharing': { file: knowledgeSharing, title: { en: 'Knowledge sharing (playbook followed)', zh: '知识分享型 (按手册运营)' } },
  'resource-matching': { file: resourceMatching, title: { en: 'Resource matching (big WeCom group)', zh: '资源对接型 (企业微信大群)' } },
  'customer-service': { file: customerService, title: { en: 'Customer service (duty + auto-reply)', zh: '客户服务型 (值班 + 自动回复)' } },
  'no-operations': { file: noOperations, title: { en: 'Anti-pattern: no operations', zh: '反例：不运营' } },
  'over-marketing': { file: overMarketing, title: { en: 'Anti-pattern: over-marketing', zh: '反例：过度营销' } },
} as const;

export type PresetName = keyof typeof PRESETS;

/** The presets' files: an unedited preset on screen needs no keeping in the library. */
export const PRESET_FILES: readonly object[] = Object.values(PRESETS).map((p) => p.file);
