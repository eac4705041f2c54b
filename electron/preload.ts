/**
 * Exposes the contract as `window.qwen`, and nothing else: no ipcRenderer, no Node, no process.env.
 * Runs sandboxed (bundled to one small CommonJS file), so it may only use `electron`'s renderer
 * modules. It imports only types from the contract; main registers handlers for the contract's
 * channels alone and validates every argument, so a name outside the contract gets nothing.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ChannelName, EventName, IpcChannel, IpcEvent, QwenApi } from './contract';

const NAME = /^[a-z]+(\.[a-z]+)*$/;
const wireChannel = <C extends ChannelName>(c: C): IpcChannel<C> => `qwen:${c}`;
const wireEvent = <E extends EventName>(e: E): IpcEvent<E> => `qwen:event:${e}`;

const api: QwenApi = {
  invoke(channel, arg) {
    if (typeof channel !== 'string' || !NAME.test(channel)) {
      return Promise.reject(new Error('Unknown channel'));
    }
    return ipcRenderer.invoke(wireChannel(channel), arg);
  },
  on(event, listener) {
    if (typeof event !== 'string' || !NAME.test(event)) throw new Error('Unknown event');
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload as never);
    ipcRenderer.on(wireEvent(event), wrapped);
    return () => {
      ipcRenderer.removeListener(wireEvent(event), wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('qwen', api);
