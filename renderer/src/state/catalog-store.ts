/**
 * The model catalog as the renderer sees it, for capabilities and prices (per million tokens, in
 * the region's currency).
 */
import { create } from 'zustand';
import type { ModelInfo, ModelPrice } from '../../../electron/contract';

export type { ModelPrice };

interface CatalogState {
  models: ModelInfo[];
  setModels(models: ModelInfo[]): void;
}

export const useCatalog = create<CatalogState>((set) => ({
  models: [],
  setModels: (models) => set({ models }),
}));
