// The webview pages' own words (headings, row names, buttons, screen-reader text), in the
// display language. A page cannot call vscode.l10n, so the host translates them and posts them
// with every update; `{0}`, `{1}` are filled in by the page. Types only: the pages import them.

import type { HostMessage } from './chart';
import type { EstimateHostMessage } from './estimatePanel';

/** The effort chart page's words, its GPU memory row's included. */
export type ChartStringKey =
  | 'heading'
  | 'planPrefix'
  | 'folderSuffix'
  | 'chooseHint'
  | 'introNoPlan'
  | 'introNoFolder'
  | 'createPlan'
  | 'oneError'
  | 'manyErrors'
  | 'adviceRegion'
  | 'effortAhead'
  | 'noAdvice'
  | 'nextStep'
  | 'nextSteps'
  | 'moreAdvice'
  | 'stagePrefix'
  | 'showStage'
  | 'showStageInSidebar'
  | 'stageButton'
  | 'currentStageButton'
  | 'chooseStatusTooltip'
  | 'customTag'
  | 'currentTag'
  | 'actionOnStage'
  | 'caption'
  | 'captionWithPlan'
  | 'stageColumn'
  | 'effortRow'
  | 'statusRow'
  | 'ownerRow'
  | 'datesRow'
  | 'openTasksRow'
  | 'memoryRow'
  | 'notDeclared'
  | 'noOwner'
  | 'tableRegion'
  | 'expertise'
  | 'training'
  | 'expertiseLevel'
  | 'durationStep'
  | 'notOnScale'
  | 'notInPlan'
  | 'noDates'
  | 'started'
  | 'completed'
  | 'noTasks'
  | 'allTasksDone'
  | 'tasksOpen'
  | 'legend'
  | 'doesNotFit'
  | 'doesNotFitTooltip'
  | 'noEstimate'
  | 'noEstimateSpoken'
  | 'notInThePlan'
  | 'memoryOf'
  | 'memoryShare'
  | 'memoryBars'
  | 'memoryLegend';

export type ChartStrings = Readonly<Record<ChartStringKey, string>>;

/** Extension -> chart page: the chart and the words to draw it with. */
export type LocalizedChartMessage = HostMessage & { readonly strings: ChartStrings };

/** The GPU memory estimate page's words. */
export type EstimateStringKey =
  | 'heading'
  | 'headingFor'
  | 'model'
  | 'hardware'
  | 'howComputed'
  | 'sources'
  | 'namePrefix'
  | 'caption'
  | 'stageColumn'
  | 'methodColumn'
  | 'precisionColumn'
  | 'memoryColumn'
  | 'fitColumn'
  | 'notesColumn'
  | 'noEstimate'
  | 'noMethod'
  | 'noPrecision'
  | 'noNotes'
  | 'compute'
  | 'doesNotFit';

export type EstimateStrings = Readonly<Record<EstimateStringKey, string>>;

/** Extension -> estimate page: the estimate (or what to do) and the words to draw it with. */
export type LocalizedEstimateMessage = EstimateHostMessage & { readonly strings: EstimateStrings };
