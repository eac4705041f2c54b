/**
 * Translation (issue 14, item 4), as the composers mount it:
 *
 *   <TranslateControls />        // From / To / Glossary / Domain hint, while a Qwen-MT model is chosen
 *   <QuickTranslateToggle />     // the quick window's "Translate" mode
 */
import './translate.css';

export { TranslateControls } from './TranslateControls';
export { QuickTranslateToggle, QUICK_TRANSLATE_MODEL } from './QuickTranslateToggle';
