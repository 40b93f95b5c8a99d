/** <video>: libvirt's virDomainVideoDefParseXML. */
import { unsupported } from '../../errors.js';
import { VIDEO_TYPES, type Video, type VideoModel } from '../../model/video.js';
import { parseDeviceInfo, type ParseContext } from '../common.js';
import { parseVirtioOptions } from '../virtio-options.js';
import type { El } from '../xml.js';

export function parseVideo(el: El, ctx: ParseContext): Video {
  const modelEl = el.child('model');
  const model = modelEl ? parseVideoModel(modelEl) : {};
  const video: Video = { model, info: {} };
  const driverEl = el.child('driver');
  if (driverEl) {
    const name = driverEl.enumAttr('name', ['qemu', 'vhostuser'] as const);
    const options = parseVirtioOptions(driverEl);
    driverEl.finish();
    video.driver = { ...(name !== undefined ? { name } : {}), ...options };
  }
  video.info = parseDeviceInfo(el, ctx);
  el.finish();
  return video;
}

function parseVideoModel(el: El): VideoModel {
  const m: VideoModel = {};
  const primary = el.yesNoAttr('primary');
  if (primary !== undefined) m.primary = primary;
  const accel = el.child('acceleration');
  if (accel) {
    const rendernode = accel.attr('rendernode');
    const accel3d = accel.yesNoAttr('accel3d');
    const accel2d = accel.yesNoAttr('accel2d');
    accel.finish();
    if (rendernode === undefined && accel3d === undefined && accel2d === undefined) {
      throw unsupported('parse.video-acceleration', 'missing values for acceleration');
    }
    m.acceleration = {
      ...(accel3d !== undefined ? { accel3d } : {}),
      ...(accel2d !== undefined ? { accel2d } : {}),
      ...(rendernode !== undefined ? { rendernode } : {}),
    };
  }
  const res = el.child('resolution');
  if (res) {
    const x = requiredUint(res, 'x');
    const y = requiredUint(res, 'y');
    res.finish();
    m.resolution = { x, y };
  }
  const type = el.enumAttr('type', [...VIDEO_TYPES, 'default'] as const);
  if (type !== undefined && type !== 'default') m.type = type;
  for (const key of ['ram', 'vram', 'vram64', 'vgamem', 'heads'] as const) {
    const v = el.uintAttr(key);
    if (v !== undefined) m[key] = v;
  }
  const blob = el.onOffAttr('blob');
  if (blob !== undefined) m.blob = blob;
  el.finish();
  return m;
}

function requiredUint(el: El, name: string): number {
  el.requiredAttr(name);
  return el.uintAttr(name)!;
}
