export * from './figure';
export * from './scope';
export * from './planFigures';
export * from './supportFigures';
export * from './consultationFigures';
export * from './semesterFigures';
export * from './suppressSmallCounts';
export * from './trendFigures';
