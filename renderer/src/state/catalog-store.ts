/**
 * The model catalog as the renderer sees it, for capabilities and prices. The engine extends
 * `ModelInfo` with capabilities and a price list; until then those fields are simply absent, so
 * everything here reads them optionally.
 */
import { create } from 'zustand';
import type { ModelInfo } from '../../../electron/contract';

export interface ModelPrice {
  /** Per million tokens. */
  input: number;
  output: number;
  currency: 'USD' | 'CNY';
  asOf?: string;
  confirmed?: boolean;
}

export type CatalogModel = ModelInfo & { price?: ModelPrice | null };

interface CatalogState {
  models: CatalogModel[];
  setModels(models: CatalogModel[]): void;
}

export const useCatalog = create<CatalogState>((set) => ({
  models: [],
  setModels: (models) => set({ models }),
}));
