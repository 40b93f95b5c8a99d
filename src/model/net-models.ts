/** NIC model names (libvirt's virDomainNetModel) and the rules libvirt attaches to them. */

/** libvirt's own model names; any other name is passed to QEMU as written. */
export const NET_MODELS = [
  'netfront',
  'rtl8139',
  'virtio',
  'e1000',
  'e1000e',
  'igb',
  'virtio-transitional',
  'virtio-non-transitional',
  'usb-net',
  'spapr-vlan',
  'lan9118',
  'scm91c111',
  'vlance',
  'vmxnet',
  'vmxnet2',
  'vmxnet3',
  'Am79C970A',
  'Am79C973',
  '82540EM',
  '82545EM',
  '82543GC',
] as const;

const MODEL_NAME_CHARS = /^[A-Za-z0-9_-]*$/;

export type ModelLookup =
  /** A libvirt model (canonical spelling) or a free-form name. */
  | { kind: 'model'; model: string }
  /** libvirt's placeholder 'unknown': the same as no model at all. */
  | { kind: 'none' }
  | { kind: 'invalid' };

/**
 * libvirt's virDomainNetSetModelString: known names match case-insensitively
 * and take their canonical spelling; other names may only use letters,
 * digits, '_' and '-'.
 */
export function lookupNetModel(text: string): ModelLookup {
  const lower = text.toLowerCase();
  if (lower === 'unknown') return { kind: 'none' };
  const known = NET_MODELS.find((m) => m.toLowerCase() === lower);
  if (known !== undefined) return { kind: 'model', model: known };
  if (!MODEL_NAME_CHARS.test(text)) return { kind: 'invalid' };
  return { kind: 'model', model: text };
}

/** Whether a (canonical) model is one of libvirt's own names. */
export function isKnownNetModel(model: string | undefined): boolean {
  return model !== undefined && (NET_MODELS as readonly string[]).includes(model);
}

/** libvirt's virDomainNetIsVirtioModel. */
export function isVirtioNetModel(model: string | undefined): boolean {
  return model === 'virtio' || model === 'virtio-transitional' || model === 'virtio-non-transitional';
}
