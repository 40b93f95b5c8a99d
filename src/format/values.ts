/** How libvirt spells values in XML. */

/** virTristateSwitch. */
export const onOff = (b: boolean | undefined): string | undefined => (b === undefined ? undefined : b ? 'on' : 'off');

/** virTristateBool. */
export const yesNo = (b: boolean | undefined): string | undefined => (b === undefined ? undefined : b ? 'yes' : 'no');

/** `0x%.4x`-style hexadecimal. */
export const hex = (n: number, width: number): string => `0x${n.toString(16).padStart(width, '0')}`;
