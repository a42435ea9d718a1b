/** localStorage key set when "Keep for offline" is pressed; the quick exit reads it (value "1"). */
export const KEPT_FLAG = 'kept';
