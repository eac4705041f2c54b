import type { ChannelArg, ChannelName, ChannelResult } from '../../contract';

/** A handler per channel: takes the parsed argument, returns the result or throws AppErrorException. */
export type Handlers = { [C in ChannelName]: (arg: ChannelArg<C>) => Promise<ChannelResult<C>> };

/** The handlers of one concern (chat, history, settings, …); create-core joins them. */
export type HandlerGroup<C extends ChannelName> = Pick<Handlers, C>;
