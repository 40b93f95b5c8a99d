/** <video> (libvirt's virDomainVideoDefFormat). */
import type { Video, VideoModel } from '../../model/video.js';
import type { DeviceFormatter } from '../context.js';
import { formatDeviceInfo } from '../device-info.js';
import type { XmlWriter } from '../xml-writer.js';
import { virtioOptionAttrs } from './virtio-options.js';

const yesNo = (b: boolean | undefined): string | undefined => (b === undefined ? undefined : b ? 'yes' : 'no');

export const formatVideo: DeviceFormatter<Video> = (w, video) => {
  w.element('video', [], (c) => {
    // The virtio switches come before name=, unlike the order they are usually written in.
    c.optionalElement('driver', [...virtioOptionAttrs(video.driver), ['name', video.driver?.name]]);
    formatModel(c, video.model);
    formatDeviceInfo(c, video.info);
  });
};

function formatModel(w: XmlWriter, m: VideoModel): void {
  w.element(
    'model',
    [
      // A type no default could be found for is libvirt's 'default'.
      ['type', m.type ?? 'default'],
      ['ram', m.ram || undefined],
      ['vram', m.vram || undefined],
      ['vram64', m.vram64 || undefined],
      ['vgamem', m.vgamem || undefined],
      ['heads', m.heads || undefined],
      ['primary', m.primary ? 'yes' : undefined],
      ['blob', m.blob === undefined ? undefined : m.blob ? 'on' : 'off'],
    ],
    (c) => {
      const a = m.acceleration;
      if (a) c.element('acceleration', [['accel3d', yesNo(a.accel3d)], ['accel2d', yesNo(a.accel2d)], ['rendernode', a.rendernode]]);
      const r = m.resolution;
      if (r) c.element('resolution', r.x && r.y ? [['x', r.x], ['y', r.y]] : []);
    },
  );
}
